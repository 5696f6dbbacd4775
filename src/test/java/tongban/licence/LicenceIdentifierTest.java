package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GB/T 36903 identifiers with their ISO/IEC 7064 MOD 37,36 check character. */
class LicenceIdentifierTest {

	@Test
	void theCheckCharacterFollowsMod3736() {
		// by hand: "0": p=36, t=36, p=72 mod 37=35, check=(37-35) mod 36=2
		assertThat(LicenceIdentifier.check("0")).isEqualTo('2');
		// "A1": t=(36+10) mod 36=10, p=20; t=21, p=42 mod 37=5; check=32 -> W
		assertThat(LicenceIdentifier.check("A1")).isEqualTo('W');
	}

	@Test
	void aWellFormedIdentifierPassesAndEverySingleChangeIsCaught() {
		String id = LicenceIdentifier.of("11100000MB0000001T001", "11330106MB10079196", "202600000001", "001");
		assertThat(id).startsWith("1.2.156.3005.2.11100000MB0000001T001.11330106MB10079196.202600000001.001.");
		assertThat(LicenceIdentifier.problem(id)).isNull();
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		int payloadStart = LicenceIdentifier.PREFIX.length();
		for (int i = payloadStart; i < id.length(); i++) {
			if (id.charAt(i) == '.') {
				continue;
			}
			for (char c : alphabet.toCharArray()) {
				if (c == id.charAt(i)) {
					continue;
				}
				String changed = id.substring(0, i) + c + id.substring(i + 1);
				assertThat(LicenceIdentifier.problem(changed)).as(changed).isNotNull();
			}
		}
	}

	@Test
	void shapeAndCheckAreToldApart() {
		assertThat(LicenceIdentifier.problem("1.2.156.3005.2.abc")).isEqualTo("licence.error.shape");
		assertThat(LicenceIdentifier.problem(null)).isEqualTo("licence.error.shape");
		String id = LicenceIdentifier.of("11100000MB0000001T001", "11330106MB10079196", "202600000001", "001");
		char wrong = id.charAt(id.length() - 1) == 'A' ? 'B' : 'A';
		assertThat(LicenceIdentifier.problem(id.substring(0, id.length() - 1) + wrong)).isEqualTo("licence.error.check");
	}
}
