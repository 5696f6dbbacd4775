package tongban.hall.booking;

/** Where an appointment stands; the moves between these are {@link BookingTransitions#GRAPH}. */
public enum BookingStatus {
	/** booked for a slot and not yet come */
	BOOKED,
	/** came and took a queue number with the booking */
	CHECKED_IN,
	/** cancelled by the person before the cut-off */
	CANCELLED,
	/** not checked in by the end of the slot and its grace: counts towards the no-show limit */
	NO_SHOW
}
