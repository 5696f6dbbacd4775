package tongban.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock, in {@link Clocks#ZONE}, for code whose rules depend on the time of day (a service point's opening
 * hours, an appointment's cut-off): injected, so that a test can run it at 10:00 on a working day whatever the hour of
 * the build (src/test's {@code TestClock} replaces it).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(Clocks.ZONE);
	}
}
