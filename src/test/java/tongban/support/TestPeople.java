package tongban.support;

import java.util.concurrent.atomic.AtomicInteger;

import tongban.shared.IdNumber;

/** Fresh, valid identities for tests, so tests do not share accounts. */
public final class TestPeople {

	private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

	private TestPeople() {
	}

	/** A valid ID number in 西湖区 not used by demo data (birth years 1950–1999 by sequence). */
	public static String idNumber() {
		int n = SEQ.incrementAndGet();
		String first17 = "330106" + (1950 + n % 50) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
				+ String.format("%03d", 500 + (n * 7) % 499);
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** Same number with a wrong check character. */
	public static String withWrongCheckDigit(String id) {
		char right = id.charAt(17);
		char wrong = right == '1' ? '2' : '1';
		return id.substring(0, 17) + wrong;
	}

	public static String mobile() {
		return "139" + String.format("%08d", Math.floorMod(System.nanoTime() / 1000 + SEQ.incrementAndGet(), 100_000_000));
	}
}
