package tongban.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link TestClock} in place of the application's clock for every {@link IntegrationTest}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}
}
