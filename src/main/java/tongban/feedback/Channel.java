package tongban.feedback;

import java.util.List;

/** Where a rating is given, and the dimensions its scores cover. */
public enum Channel {

	ONLINE(List.of("overall", "efficiency", "guide", "convenience", "usability")),
	COUNTER(List.of("overall", "efficiency", "competence", "attitude"));

	private final List<String> dimensions;

	Channel(List<String> dimensions) {
		this.dimensions = dimensions;
	}

	/** Online: GB/T 39735 (overall, efficiency, guide accuracy, convenience, usability); counter: GB/T 39734. */
	public List<String> dimensions() {
		return dimensions;
	}
}
