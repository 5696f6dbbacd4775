package tongban.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reading wrk's report: failed responses are errors, not throughput; socket errors are errors too. */
class WrkTest {

	/** Printed by wrk 4.1 (Debian) against a server answering 404 to every request. */
	static final String ALL_FAILED = """
			Running 1s test @ http://127.0.0.1:18931/nothing
			  1 threads and 2 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency    14.04ms   23.93ms 129.83ms   88.79%
			    Req/Sec   344.11    186.13   670.00     55.56%
			  Latency Distribution
			     50%    4.31ms
			     75%   13.37ms
			     90%   43.98ms
			     99%  117.56ms
			  333 requests in 1.02s, 169.10KB read
			  Non-2xx or 3xx responses: 333
			Requests/sec:    327.10
			Transfer/sec:    166.11KB
			""";

	/** The same layout with some failed responses and socket errors (wrk's wording, from its source). */
	static final String SOME_FAILED = """
			Running 30s test @ http://127.0.0.1:8080/
			  2 threads and 32 connections
			  Latency Distribution
			     50%  850.00us
			     75%    1.20ms
			     90%    2.00ms
			     99%    1.05s
			  12000 requests in 1.00m, 9.00MB read
			  Socket errors: connect 1, read 2, write 3, timeout 4
			  Non-2xx or 3xx responses: 500
			Requests/sec:    200.00
			""";

	static final String CLEAN = """
			  Latency Distribution
			     50%    2.00ms
			     99%   10.00ms
			  4000 requests in 500.00ms, 1.00MB read
			Requests/sec:   8000.00
			""";

	@Test
	void failedResponsesAreNotThroughput() {
		CaseBench.Figures f = Wrk.parse(ALL_FAILED);
		assertThat(f.done()).isZero();
		assertThat(f.errors()).isEqualTo(333);
		assertThat(f.seconds()).isCloseTo(1.02, within(1e-9));
		assertThat(f.p50()).isEqualTo(4_310_000L);
		assertThat(f.p99()).isEqualTo(117_560_000L);
	}

	@Test
	void socketErrorsAndFailedResponsesAreCountedOnce() {
		CaseBench.Figures f = Wrk.parse(SOME_FAILED);
		assertThat(f.done()).as("12000 responses less the 500 failed ones").isEqualTo(11_500);
		assertThat(f.errors()).as("500 failed responses + 1 + 2 + 3 + 4 socket errors").isEqualTo(510);
		assertThat(f.seconds()).isCloseTo(60, within(1e-9));
		assertThat(f.p50()).isEqualTo(850_000L);
		assertThat(f.p99()).isEqualTo(1_050_000_000L);
		assertThat(f.line("x")).endsWith("errors 510").contains("= 192/s");
	}

	@Test
	void aCleanRunHasNoErrors() {
		CaseBench.Figures f = Wrk.parse(CLEAN);
		assertThat(f.done()).isEqualTo(4000);
		assertThat(f.errors()).isZero();
		assertThat(f.seconds()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void aReportWithoutTotalsIsRefused() {
		assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:8080 Connection refused")).isInstanceOf(IllegalStateException.class);
	}
}
