package tongban.shared;

import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters over {@link #ALPHABET}, the last a check character
 * computed with weights 3^i mod 31.
 */
public record Uscc(String value) {

	public enum Problem { EMPTY, FORMAT, CHECK_CHARACTER }

	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public Uscc {
		Optional<Problem> problem = check(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException("not a valid USCC: " + problem.get());
		}
		value = IdNumber.normalise(value);
	}

	public static Optional<Problem> check(String raw) {
		String s = IdNumber.normalise(raw);
		if (s.isEmpty()) {
			return Optional.of(Problem.EMPTY);
		}
		if (s.length() != 18 || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.of(Problem.FORMAT);
		}
		if (checkCharacter(s.substring(0, 17)) != s.charAt(17)) {
			return Optional.of(Problem.CHECK_CHARACTER);
		}
		return Optional.empty();
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	@Override
	public String toString() {
		return value;
	}
}
