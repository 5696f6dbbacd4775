package tongban.proactive.benefits;

/** Why a field of a form was refused: a message key and, where the message names something, what it names. */
public record Problem(String key, String argument) {

	public static Problem of(String key) {
		return new Problem(key, null);
	}
}
