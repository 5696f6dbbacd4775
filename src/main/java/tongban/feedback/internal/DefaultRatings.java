package tongban.feedback.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tongban.feedback.CaseRatings;

/**
 * 默认好评: every hour, cases left unrated for {@code tongban.feedback.default-after-days} get the default rating, a
 * thousand per transaction until none is left.
 */
@Component
class DefaultRatings {

	private static final Logger log = LoggerFactory.getLogger(DefaultRatings.class);

	private final CaseRatings ratings;

	DefaultRatings(CaseRatings ratings) {
		this.ratings = ratings;
	}

	@Scheduled(cron = "0 7 * * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "feedback.default-ratings", lockAtMostFor = "PT55M", lockAtLeastFor = "PT55M")
	void run() {
		int total = 0;
		for (int n = ratings.applyDefaults(Instant.now(), 1000); n > 0; n = ratings.applyDefaults(Instant.now(), 1000)) {
			total += n;
		}
		if (total > 0) {
			log.info("gave {} unrated cases the default rating", total);
		}
	}
}
