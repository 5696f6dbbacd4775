package tongban.insight.channels;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.catalog.GuideChecks;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.openness.PolicyLinks;
import tongban.shared.Clocks;

/**
 * 网站/渠道普查: one pass over the platform's own content, as of a day. Links in guides and policies are asked (each
 * link once per pass, only on the platform and configured hosts: {@link LinkProbe}); guides not reviewed for
 * {@code staleDays}, items claiming online handling without an online form and 政务新媒体 accounts not updated for more
 * than {@code zombieDays} are listed. The findings of a pass replace the last pass's in one transaction, so a pass run
 * twice leaves the same findings; the links are asked before that transaction, so no database lock waits on the network.
 */
@Service
public class ChannelCheck {

	/** What a pass found: links asked, links not asked (hosts not allowed), findings by kind. */
	public record Result(int linksAsked, int linksSkipped, Map<FindingKind, Integer> findings) implements Serializable {
	}

	record Finding(FindingKind kind, String departmentCode, String subjectCode, String subjectName, String subjectLink, String detail) {
	}

	private final JdbcClient jdbc;
	private final GuideChecks guides;
	private final PolicyLinks policies;
	private final DirectoryManagement directory;
	private final LinkProbe probe;
	private final ChannelSettings settings;
	private final TransactionTemplate transaction;

	ChannelCheck(JdbcClient jdbc, GuideChecks guides, PolicyLinks policies, DirectoryManagement directory, LinkProbe probe, ChannelSettings settings,
			TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.guides = guides;
		this.policies = policies;
		this.directory = directory;
		this.probe = probe;
		this.settings = settings;
		this.transaction = transaction;
	}

	/** Every night at 03:40. */
	@Scheduled(cron = "${tongban.insight.channels.cron:0 40 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "insight.channel-check", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	public void nightly() {
		check(LocalDate.now(Clocks.ZONE));
	}

	/** A pass as of {@code asOf} (stale and 僵尸 are counted back from it). */
	public Result check(LocalDate asOf) {
		List<Finding> findings = new ArrayList<>();
		Map<String, LinkProbe.Outcome> asked = new HashMap<>();
		Instant staleBefore = asOf.minusDays(settings.staleDays()).atStartOfDay(Clocks.ZONE).toInstant();
		for (GuideChecks.CheckedGuide guide : guides.published()) {
			String page = "/items/" + guide.code();
			if (guide.reviewedAt().isBefore(staleBefore)) {
				findings.add(new Finding(FindingKind.STALE_GUIDE, guide.departmentCode(), guide.code(), guide.name(), page,
						LocalDate.ofInstant(guide.reviewedAt(), Clocks.ZONE).toString()));
			}
			if (guide.claimsOnline() && !guide.hasForm()) {
				findings.add(new Finding(FindingKind.ONLINE_WITHOUT_FORM, guide.departmentCode(), guide.code(), guide.name(), page, ""));
			}
			deadLinks(guide.links(), asked).forEach(link -> findings.add(new Finding(FindingKind.DEAD_LINK, guide.departmentCode(), guide.code(),
					guide.name(), page, link)));
		}
		for (PolicyLinks.LinkedPublication publication : policies.published()) {
			String page = "POLICY".equals(publication.kind()) ? "/policies/" + publication.id() : null;
			deadLinks(publication.links(), asked).forEach(link -> findings.add(new Finding(FindingKind.DEAD_LINK, publication.departmentCode(),
					publication.id().toString(), publication.title() == null ? "" : publication.title(), page, link)));
		}
		jdbc.sql("select id, department_code, name, last_update from insight_media_account where last_update < ? order by department_code, name")
			.param(asOf.minusDays(settings.zombieDays()))
			.query((rs, n) -> new Finding(FindingKind.ZOMBIE_ACCOUNT, rs.getString("department_code"), rs.getString("id"), rs.getString("name"),
					null, rs.getObject("last_update", LocalDate.class).toString()))
			.list()
			.forEach(findings::add);
		replace(findings);
		Map<FindingKind, Integer> counts = new HashMap<>();
		findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
		int skipped = (int) asked.values().stream().filter(o -> !o.asked()).count();
		return new Result(asked.size() - skipped, skipped, counts);
	}

	/** The links of one page that did not answer; each link asked once per pass, up to {@code maxLinks}. */
	private List<String> deadLinks(List<String> links, Map<String, LinkProbe.Outcome> asked) {
		List<String> dead = new ArrayList<>();
		for (String link : links) {
			if (!asked.containsKey(link) && asked.size() >= settings.maxLinks()) {
				continue;
			}
			LinkProbe.Outcome outcome = asked.computeIfAbsent(link, probe::ask);
			if (outcome.asked() && !outcome.alive()) {
				dead.add(link + (outcome.status() == 0 ? "" : "（" + outcome.status() + "）"));
			}
		}
		return dead;
	}

	private void replace(List<Finding> findings) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		transaction.executeWithoutResult(status -> {
			// one pass at a time: a second waits, then replaces the first's findings with its own
			jdbc.sql("select pg_advisory_xact_lock(7204411018)").query(Object.class).single();
			jdbc.sql("delete from insight_channel_finding").update();
			for (Finding f : findings) {
				String region = directory.departmentByCode(f.departmentCode()).map(DepartmentView::regionCode).orElse("");
				jdbc.sql("""
						insert into insight_channel_finding (kind, department_code, region_code, subject_code, subject_name, subject_link, detail, checked_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(f.kind().name(), f.departmentCode(), region, f.subjectCode(), f.subjectName(), f.subjectLink(), f.detail(), now)
					.update();
			}
		});
	}
}
