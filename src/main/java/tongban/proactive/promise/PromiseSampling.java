package tongban.proactive.promise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Which approved cases under a promise are checked: a draw that anyone can repeat. Each case gets a ticket 0–99 from
 * the SHA-256 of its id (uniform, fixed once the case exists, not chosen by staff or applicant); the case is checked
 * when its ticket is below the item's rate in percent, so a rate of 20 checks about one case in five, 0 none and 100
 * every one (ADR 0033). Replaying the draw for a case gives the same answer, so a replayed event samples nothing twice.
 */
public final class PromiseSampling {

	private PromiseSampling() {
	}

	/** The case's ticket, 0–99. */
	public static int ticket(UUID caseId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(caseId.toString().getBytes(StandardCharsets.US_ASCII));
			long first = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8) | (digest[3] & 0xFFL);
			return (int) (first % 100);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** Whether the case is checked at a rate of {@code percent} (0–100). */
	public static boolean sampled(UUID caseId, int percent) {
		return ticket(caseId) < Math.max(0, Math.min(100, percent));
	}
}
