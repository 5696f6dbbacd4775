package tongban.insight.indicators;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * {@code bin/insight-backfill [from] [to]}: the application started with {@code --tongban.insight.backfill=from,to}
 * (either may be empty: the 365 days up to today) rebuilds the daily counters of the period once started, then exits
 * with status 0 (1 if the rebuild failed). Without the property this does nothing.
 */
@Component
class BackfillCommand implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(BackfillCommand.class);

	private final IndicatorBackfill backfill;
	private final ApplicationContext context;
	private final String period;

	BackfillCommand(IndicatorBackfill backfill, ApplicationContext context, @Value("${tongban.insight.backfill:#{null}}") String period) {
		this.backfill = backfill;
		this.context = context;
		this.period = period;
	}

	/** The first and last day of {@code from,to} as typed; an empty last day is today, an empty first the 365 days up to it. */
	static List<LocalDate> period(String typed, LocalDate today) {
		String[] days = (typed + ",").split(",", -1);
		LocalDate to = days[1].isBlank() ? today : LocalDate.parse(days[1].strip());
		LocalDate from = days[0].isBlank() ? to.minusDays(364) : LocalDate.parse(days[0].strip());
		return List.of(from, to);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (period == null) {
			return;
		}
		int status = 0;
		try {
			List<LocalDate> days = period(period, LocalDate.now(Clocks.ZONE));
			BackfillRun run = backfill.rebuild(days.get(0), days.get(1), "bin/insight-backfill");
			LOG.info("insight backfill {}..{} {}: {} facts, {} daily rows", run.from(), run.to(), run.status(), run.facts(), run.rows());
		}
		catch (DateTimeParseException | DomainException e) {
			LOG.error("insight backfill failed: {}", e.getMessage());
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}
}
