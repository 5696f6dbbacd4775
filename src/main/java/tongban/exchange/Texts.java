package tongban.exchange;

/** Checks of submitted text shared by the exchange's services. */
final class Texts {

	private Texts() {
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
