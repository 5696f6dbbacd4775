package tongban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from wrk (Debian's {@code wrk}), a separate C program, so that the load generator does not share the server's JVM:
 * a Java client in the same JVM spends more CPU than the pages it measures. Prints nothing itself; answers {@link CaseBench.Figures}.
 */
final class Wrk {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(ms|s|m)");
	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
	private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
	private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private Wrk() {
	}

	static CaseBench.Figures run(String url, int clients, int seconds, Path script, Map<String, String> env) throws IOException, InterruptedException {
		return run(url, 2, clients, seconds, script, env);
	}

	/** With as many wrk threads as asked (a script that keeps state per connection runs one connection per thread). */
	static CaseBench.Figures run(String url, int threads, int clients, int seconds, Path script, Map<String, String> env) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + clients, "-d" + seconds + "s", "--latency"));
		if (script != null) {
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(url);
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().putAll(env);
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + out);
		}
		return parse(out);
	}

	/**
	 * The figures of one wrk report. wrk counts every response in "N requests", also those with a 4xx/5xx status
	 * ("Non-2xx or 3xx responses: E"); these are taken out of {@code done} so that throughput counts only answered
	 * requests (as {@link CaseBench#load} does). Errors are the failed responses plus socket errors (connect, read,
	 * write, timeout), which wrk never counted as requests. The percentiles are wrk's, over every response.
	 */
	static CaseBench.Figures parse(String out) {
		Matcher m = REQUESTS.matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("wrk printed no totals: " + out);
		}
		int requests = Integer.parseInt(m.group(1));
		double secs = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
			case "ms" -> 0.001;
			case "m" -> 60;
			default -> 1;
		};
		long p50 = 0;
		long p99 = 0;
		Matcher pm = PERCENTILE.matcher(out);
		while (pm.find()) {
			long nanos = (long) (Double.parseDouble(pm.group(2)) * switch (pm.group(3)) {
				case "us" -> 1e3;
				case "ms" -> 1e6;
				default -> 1e9;
			});
			if (pm.group(1).equals("50")) {
				p50 = nanos;
			}
			else {
				p99 = nanos;
			}
		}
		int failed = 0;
		Matcher fm = FAILED.matcher(out);
		if (fm.find()) {
			failed = Integer.parseInt(fm.group(1));
		}
		int socket = 0;
		Matcher sm = SOCKET_ERRORS.matcher(out);
		if (sm.find()) {
			for (int g = 1; g <= sm.groupCount(); g++) {
				socket += Integer.parseInt(sm.group(g));
			}
		}
		return new CaseBench.Figures(requests - failed, failed + socket, secs, p50, p99);
	}
}
