package tongban.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Minimum length 8 (NIST SP 800-63B §5.1.1.2), at most 128, not one of the commonly used passwords shipped in
 * data/common-passwords.txt, and not containing the applicant's ID number or mobile.
 */
@Component
public class PasswordPolicy {

	public static final int MIN = 8;
	public static final int MAX = 128;

	private final Set<String> common = new HashSet<>();

	public PasswordPolicy() {
		try (var r = new BufferedReader(new InputStreamReader(
				new ClassPathResource("data/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.strip().toLowerCase(Locale.ROOT)).forEach(common::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A message key for the first rule the password breaks, if any. */
	public Optional<String> check(String password, String... personal) {
		if (password == null || password.isEmpty()) {
			return Optional.of("password.error.empty");
		}
		if (password.length() < MIN) {
			return Optional.of("password.error.short");
		}
		if (password.length() > MAX) {
			return Optional.of("password.error.long");
		}
		if (common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.error.common");
		}
		for (String p : personal) {
			if (p != null && p.length() >= 6 && password.toUpperCase(Locale.ROOT).contains(p.toUpperCase(Locale.ROOT))) {
				return Optional.of("password.error.personal");
			}
		}
		return Optional.empty();
	}
}
