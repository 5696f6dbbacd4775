package tongban.shared;

import java.util.Set;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * 居民身份证号码 per GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd for men), and a MOD 11-2 check character. This is the one check of an ID number on the platform: registration,
 * application forms, the form-validation API, proxies and counter checks all call {@link #check(String)}.
 * <p>
 * The address code is the county (GB/T 2260) where the number was first issued, and counties are merged and renamed
 * (杭州 330103 下城区 and 330104 江干区 ended in 2021) while their people keep their numbers. So a number is not refused
 * because its county is gone from today's list; it is refused when the code never was one: the province (the first two
 * digits) must be one of GB/T 2260's, and a code whose city part is 00 must be the province's own (as 810000 of Hong
 * Kong residents' permits), so {@code 000000} and {@code 330005} are refused.
 */
public record IdNumber(String value) {

	/** Why a string is not an ID number; each has a message key {@code id.error.<name>}. */
	public enum Problem { EMPTY, FORMAT, REGION, BIRTH_DATE, CHECK_DIGIT }

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK = "10X98765432";
	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);
	private static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);

	/** GB/T 2260 province codes, with 71 台湾 and 81, 82, 83 of residence permits for Hong Kong, Macao and Taiwan residents. */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
			"71", "81", "82", "83");

	public IdNumber {
		Optional<Problem> problem = check(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException("not a valid ID number: " + problem.get());
		}
		value = normalise(value);
	}

	public static String normalise(String raw) {
		return raw == null ? "" : raw.strip().toUpperCase();
	}

	/** The first problem found, or empty when the number is well formed and its check digit is right. */
	public static Optional<Problem> check(String raw) {
		String s = normalise(raw);
		if (s.isEmpty()) {
			return Optional.of(Problem.EMPTY);
		}
		if (!s.matches("\\d{17}[\\dX]")) {
			return Optional.of(Problem.FORMAT);
		}
		if (!PROVINCES.contains(s.substring(0, 2)) || s.startsWith("00", 2) && !s.startsWith("00", 4)) {
			return Optional.of(Problem.REGION);
		}
		try {
			LocalDate birth = LocalDate.parse(s.substring(6, 14), BIRTH);
			if (birth.isBefore(EARLIEST) || birth.isAfter(LocalDate.now(Clocks.ZONE))) {
				return Optional.of(Problem.BIRTH_DATE);
			}
		}
		catch (DateTimeParseException e) {
			return Optional.of(Problem.BIRTH_DATE);
		}
		if (checkCharacter(s.substring(0, 17)) != s.charAt(17)) {
			return Optional.of(Problem.CHECK_DIGIT);
		}
		return Optional.empty();
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	public String regionCode() {
		return value.substring(0, 6);
	}

	public LocalDate birthDate() {
		return LocalDate.parse(value.substring(6, 14), BIRTH);
	}

	public boolean male() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	public String masked() {
		return Masking.idNumber(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
