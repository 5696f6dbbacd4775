package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.licence.internal.ArchiveTimeStamping;
import tongban.seal.SealManagement;
import tongban.seal.internal.TimeStamps;
import tongban.shared.Hashes;
import tongban.support.IntegrationTest;
import tongban.support.VeraPdf;

/**
 * The nightly B-LTA renewal: a new licence is not due; once the certificate of its newest time-stamp is within a year
 * of expiring (the job run "as of" four and a half years on) and a newer unit outlasts it, the licence PDF gets a
 * document time-stamp from that unit and still verifies; a second run as of the same time leaves it as it is. veraPDF
 * finds the licence PDF/A-3b both as issued (B-LT) and as renewed (B-LTA).
 */
class ArchiveTimeStampingIT extends IntegrationTest {

	@Autowired
	LicenceManagement licences;

	@Autowired
	HeldLicences held;

	@Autowired
	SealManagement seals;

	@Autowired
	ArchiveTimeStamping archive;

	@Autowired
	TimeStamps units;

	@Test
	void dueLicencesGetAnArchiveTimeStampOnceAndStillVerify() {
		Citizen holder = newCitizen("长期核验持证人", 2);
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "发证审批员", "XH-SCJG", Set.of("APPROVER"), true);
		var licence = licences.issue(new LicenceManagement.Issue(null, "330106-XK-0001-01", "XH-SCJG", "330106", holder.id(),
				Map.of("uscc", "91330106MA2H3L5Y4T", "entityName", "西湖长期核验餐饮店", "legalName", holder.name(), "address",
						"杭州市西湖区文三路 2 号", "format", "餐饮服务经营者", "items", "热食类食品制售"), holder.id()), sealer).orElseThrow();
		byte[] issued = held.pdf(licence);
		assertThat(VeraPdf.pdfA3bFailures(issued)).as("PDF/A-3b with the seal's validation data appended").isEmpty();
		Instant firstStampExpiry = seals.newestTimeStamp(issued).orElseThrow().expires();

		archive.renew(Instant.now());
		assertThat(Hashes.sha256Hex(held.pdf(licence))).as("not due today").isEqualTo(Hashes.sha256Hex(issued));

		// years on, the unit has been replaced (as it is when its certificate has two years left)
		units.renew();
		Instant later = firstStampExpiry.minus(Duration.ofDays(180));
		archive.renew(later);
		byte[] renewed = held.pdf(licence);
		assertThat(renewed.length).isGreaterThan(issued.length);
		assertThat(seals.newestTimeStamp(renewed).orElseThrow()).as("stamped by the new unit").isEqualTo(seals.currentTimeStampUnit());
		assertThat(seals.checkPdf(renewed).valid()).isTrue();
		assertThat(VeraPdf.pdfA3bFailures(renewed)).as("PDF/A-3b with an archive time-stamp").isEmpty();
		assertThat(licences.checkFile(renewed).seal().valid()).isTrue();

		archive.renew(later);
		assertThat(Hashes.sha256Hex(held.pdf(licence))).as("a second run changes nothing").isEqualTo(Hashes.sha256Hex(renewed));
	}
}
