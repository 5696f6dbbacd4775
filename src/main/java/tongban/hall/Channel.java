package tongban.hall;

/** How a queue number was taken. */
public enum Channel {
	/** at a self-service kiosk of the point */
	KIOSK,
	/** by a clerk (导办台) for the visitor */
	CLERK,
	/** on the person's phone, within a distance of the point */
	PHONE,
	/** by checking in with an appointment: called first within its slot */
	BOOKING
}
