package tongban.insight.trends;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import tongban.hotline.TicketDigests;
import tongban.hotline.TicketEvents.TicketSubmitted;
import tongban.insight.trends.TopicCounts.Tally;
import tongban.insight.trends.TopicCounts.Topic;
import tongban.shared.Clocks;

/**
 * 监测预警 of 12345: counts each topic (category, term) per township over the 7-day window ending today against its own
 * baseline ({@link SurgeTest}) and raises an alert for a surge ({@link TopicAlerts}). Runs at start and every hour over
 * every township, and within a minute of a submitted ticket over that ticket's township: the townships of the tickets
 * a node took are scanned together once a minute, not once per ticket, because a scan reads the township's weeks of
 * tickets (at 1,000,000 stored tickets a scan per ticket held 12345 intake under one ticket a second). Safe to run twice:
 * an alert is raised once per topic, township and window.
 */
@Service
public class TopicWatch {

	private static final Logger log = LoggerFactory.getLogger(TopicWatch.class);

	private final TicketDigests digests;
	private final TopicAlerts alerts;
	private final SurgeTest test;
	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	TopicWatch(TicketDigests digests, TopicAlerts alerts, @Value("${tongban.insight.trends.surge-minimum:10}") int minimum,
			@Value("${tongban.insight.trends.surge-deviations:3}") double deviations) {
		this.digests = digests;
		this.alerts = alerts;
		this.test = new SurgeTest(minimum, deviations);
	}

	@Scheduled(cron = "${tongban.insight.trends.surge-cron:0 10 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "insight.topic-watch", lockAtMostFor = "PT55M", lockAtLeastFor = "PT55M")
	void hourly() {
		int raised = scan("", LocalDate.now(Clocks.ZONE));
		log.info("hot topic pass: {} alerts raised", raised);
	}

	/** Once at start too, so history imported without events (the demo year) shows its surges on first start. */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		hourly();
	}

	/**
	 * Notes the ticket's township for the next minute's pass, in the submitting transaction: only a name in this node's
	 * memory, so neither a publication row nor a read of the ticket (as a module listener would cost, about a tenth of
	 * an Open311 submission's CPU). A ticket whose transaction rolls back costs one needless scan at most.
	 */
	@EventListener
	void on(TicketSubmitted submitted) {
		pending.add(TopicCounts.township(submitted.regionCode()));
	}

	/**
	 * Scans the townships of the tickets this node took since the last pass. Node-local by nature (each node scans the
	 * townships of its own tickets; two nodes scanning one township raise its alert once).
	 */
	@Scheduled(fixedDelayString = "${tongban.insight.trends.township-scan-every:60s}", initialDelayString = "${tongban.insight.trends.township-scan-every:60s}")
	void scanPending() {
		for (String township : List.copyOf(pending)) {
			pending.remove(township);
			scan(township, LocalDate.now(Clocks.ZONE));
		}
	}

	/** Tests every topic of the townships under the prefix ("" for all) over the window ending on {@code day}; answers the alerts raised. */
	public int scan(String regionPrefix, LocalDate day) {
		TopicCounts counts = new TopicCounts(day);
		OffsetDateTime from = counts.firstDay().atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		OffsetDateTime to = day.plusDays(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
		digests.each(from, to, regionPrefix, counts::add);
		int raised = 0;
		for (Map.Entry<Topic, Tally> entry : counts.tallies().entrySet()) {
			Tally tally = entry.getValue();
			if (tally.windows[0] < test.minimum()) {
				continue;
			}
			SurgeTest.Verdict verdict = test.test(tally.windows[0], tally.baseline());
			if (verdict.surge() && alerts.raise(entry.getKey(), counts.windowStart(), day, verdict, tally.current)) {
				raised++;
			}
		}
		return raised;
	}
}
