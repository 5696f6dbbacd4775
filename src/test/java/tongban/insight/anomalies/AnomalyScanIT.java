package tongban.insight.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.exchange.ReadConcerns;
import tongban.exchange.internal.RecordedReads;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * The anomaly rules over reads recorded in exchange_access, with real cases of casework, on days of their own (past
 * working days no other test reads on), and the review of a hit by the region's supervisors only.
 */
class AnomalyScanIT extends IntegrationTest {

	@Autowired
	AnomalyScan scan;

	@Autowired
	AnomalyReviews reviews;

	@Autowired
	ReadConcerns concerns;

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	RecordedReads reads;

	@BeforeEach
	void reads() {
		reads = new RecordedReads(jdbc, keys);
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(Clocks.ZONE).toInstant();
	}

	List<AnomalyReviews.HitRow> hitsOf(StaffMember supervisor, LocalDate day, String staffName) {
		return reviews.hits(supervisor).stream().filter(h -> h.day().equals(day) && staffName.equals(h.staffName())).toList();
	}

	@Test
	void aNightReaderIsFlaggedTwiceTheSameAndOnlyTheRegionsSupervisorsReviewIt() {
		LocalDate day = LocalDate.of(2025, 6, 11);
		Citizen citizen = newCitizen("韦被查", 2);
		String night = UUID.randomUUID().toString();
		long early = reads.staffRead(at(day, 2, 0), citizen.idNumber(), "XH-SCJG", night, "夜查询", "NX" + System.nanoTime(), "SERVED");
		long late = reads.staffRead(at(day, 23, 0), citizen.idNumber(), "XH-SCJG", night, "夜查询", "NX" + System.nanoTime(), "SERVED");
		CaseId own = TestCases.submittedSocialSecurityCard(applying, newCitizen("申请人", 2));
		String caseNumber = cases.forStaff(own).orElseThrow().caseNumber();
		reads.staffRead(at(day, 10, 0), citizen.idNumber(), "XH-RLSB", UUID.randomUUID().toString(), "白班员", caseNumber, "SERVED");

		AnomalyScan.Result first = scan.scan(day);
		StaffMember supervisor = people.signedIn(newStaff("XH-ZWFW", Role.SUPERVISOR, "核查员"));
		assertThat(hitsOf(supervisor, day, "夜查询")).extracting(AnomalyReviews.HitRow::rule)
			.containsExactlyInAnyOrder(AnomalyRule.OFF_HOURS, AnomalyRule.NO_CASE);
		assertThat(hitsOf(supervisor, day, "白班员")).as("a clerk reading in working hours for their department's case").isEmpty();
		AnomalyReviews.HitRow offHours = hitsOf(supervisor, day, "夜查询").stream().filter(h -> h.rule() == AnomalyRule.OFF_HOURS).findFirst().orElseThrow();
		assertThat(offHours.count()).isEqualTo(2);
		assertThat(reviews.evidence(offHours.id(), supervisor)).extracting(AnomalyReviews.Evidence::id).containsExactly(early, late);
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ' and subject = ?").param("anomaly:" + offHours.id())
			.query(Long.class).single()).as("the view of the evidence is recorded").isEqualTo(1);

		StaffMember elsewhere = people.signedIn(newStaff("XH-ZWFW", "330105", Role.SUPERVISOR, "外区核查员"));
		assertThat(reviews.hit(offHours.id(), elsewhere)).isEmpty();
		assertThat(catchThrowableOfType(DomainException.class, () -> reviews.decide(offHours.id(), AnomalyStatus.CONFIRMED, "越权", elsewhere)).kind())
			.isEqualTo(DomainException.Kind.NOT_FOUND);
		assertThat(catchThrowableOfType(DomainException.class, () -> reviews.decide(offHours.id(), AnomalyStatus.CONFIRMED, " ", supervisor)).code())
			.isEqualTo("insight-anomaly-reason");
		assertThat(concerns.confirmed(List.of(early, late))).isEmpty();

		reviews.decide(offHours.id(), AnomalyStatus.CONFIRMED, "深夜无事由查询，已约谈", supervisor);
		assertThat(concerns.confirmed(List.of(early, late))).containsExactlyInAnyOrder(early, late);
		assertThat(catchThrowableOfType(DomainException.class, () -> reviews.decide(offHours.id(), AnomalyStatus.CLEARED, "再议", supervisor)).kind())
			.isEqualTo(DomainException.Kind.CONFLICT);

		AnomalyScan.Result again = scan.scan(day);
		assertThat(again.hits()).isEqualTo(first.hits());
		assertThat(again.opened()).isZero();
		assertThat(hitsOf(supervisor, day, "夜查询")).hasSize(2);
		assertThat(reviews.hit(offHours.id(), supervisor).orElseThrow().status()).isEqualTo(AnomalyStatus.CONFIRMED);
	}

	@Test
	void volumeAgainstBaselinesAndOnePersonReadByThreeDepartments() {
		LocalDate day = LocalDate.of(2025, 6, 12);
		Citizen citizen = newCitizen("被多查", 2);
		String busy = UUID.randomUUID().toString();
		String peer = UUID.randomUUID().toString();
		// five working days before: the busy clerk reads 5 a day, a peer 4 a day, for the department's own case
		CaseId own = TestCases.submittedSocialSecurityCard(applying, newCitizen("申请人", 2));
		String caseNumber = cases.forStaff(own).orElseThrow().caseNumber();
		for (LocalDate before : List.of(LocalDate.of(2025, 6, 5), LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10),
				LocalDate.of(2025, 6, 11))) {
			for (int n = 0; n < 5; n++) {
				reads.staffRead(at(before, 9, n), citizen.idNumber(), "XH-RLSB", busy, "量大员", caseNumber, "SERVED");
				if (n < 4) {
					reads.staffRead(at(before, 14, n), citizen.idNumber(), "XH-RLSB", peer, "同科室", caseNumber, "SERVED");
				}
			}
		}
		for (int n = 0; n < 25; n++) {
			reads.staffRead(at(day, 9, n), citizen.idNumber(), "XH-RLSB", busy, "量大员", caseNumber, "SERVED");
		}
		reads.staffRead(at(day, 14, 0), citizen.idNumber(), "XH-RLSB", peer, "同科室", caseNumber, "SERVED");
		Citizen read = newCitizen("被三查", 2);
		reads.staffRead(at(day, 10, 0), read.idNumber(), "XH-YB", UUID.randomUUID().toString(), "医保员", "Z1" + System.nanoTime(), "SERVED");
		reads.staffRead(at(day, 10, 5), read.idNumber(), "XH-SCJG", UUID.randomUUID().toString(), "市场员", "Z2" + System.nanoTime(), "SERVED");
		reads.staffRead(at(day, 10, 9), read.idNumber(), "XH-ZJ", UUID.randomUUID().toString(), "住建员", "Z3" + System.nanoTime(), "SERVED");

		scan.scan(day);
		StaffMember supervisor = people.signedIn(newStaff("XH-ZWFW", Role.SUPERVISOR, "核查员"));
		assertThat(hitsOf(supervisor, day, "量大员")).singleElement().satisfies(hit -> {
			assertThat(hit.rule()).isEqualTo(AnomalyRule.VOLUME);
			assertThat(hit.count()).isEqualTo(25);
			assertThat(hit.figureA()).isEqualTo("5");
			assertThat(hit.figureB()).isEqualTo("4");
		});
		assertThat(hitsOf(supervisor, day, "同科室")).isEmpty();
		List<AnomalyReviews.HitRow> many = reviews.hits(supervisor).stream()
			.filter(h -> h.day().equals(day) && h.rule() == AnomalyRule.MANY_READERS)
			.toList();
		assertThat(many).singleElement().satisfies(hit -> {
			assertThat(hit.count()).isEqualTo(3);
			assertThat(hit.figureA()).isEqualTo("3");
			assertThat(hit.subject()).isEqualTo(AnomalyReviews.pseudonym(keys.blindIndex(read.idNumber())));
		});
	}

	@Test
	void aRevealIsAHitUnlessTheCaseMovesWithinTheHour() {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		Citizen citizen = newCitizen("被查看", 2);
		String staff = UUID.randomUUID().toString();
		Instant before = Instant.now().minusSeconds(120);
		reads.staffRead(before, citizen.idNumber(), "XH-RLSB", staff, "查看员", "R" + System.nanoTime(), "REVEALED");
		// the case the second reveal serves is submitted after it: a step on the case within the hour
		CaseId followed = TestCases.submittedSocialSecurityCard(applying, newCitizen("申请人", 2));
		String caseNumber = cases.forStaff(followed).orElseThrow().caseNumber();
		long idle = jdbc.sql("select max(id) from exchange_access where staff_id = ?").param(staff).query(Long.class).single();
		reads.staffRead(before.plusSeconds(1), citizen.idNumber(), "XH-RLSB", staff, "查看员", caseNumber, "REVEALED");

		scan.scan(today);
		StaffMember supervisor = people.signedIn(newStaff("XH-ZWFW", Role.SUPERVISOR, "核查员"));
		AnomalyReviews.HitRow reveal = hitsOf(supervisor, today, "查看员").stream()
			.filter(h -> h.rule() == AnomalyRule.UNFOLLOWED_REVEAL)
			.findFirst()
			.orElseThrow();
		assertThat(reveal.count()).isEqualTo(1);
		assertThat(reviews.evidence(reveal.id(), supervisor)).extracting(AnomalyReviews.Evidence::id).containsExactly(idle);
	}
}
