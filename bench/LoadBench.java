// Load driver for bench/run.sh (Java 25 single-file program; no dependencies).
// Drives a running Tongban on loopback with N concurrent virtual-thread clients for D seconds per scenario and prints
// throughput, p50/p99 latency, and the server's resident memory. Every scenario runs in the same process, one
// after another, beside the trivial baseline, so figures can be read as ratios on a noisy machine.
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

public class LoadBench {

	interface Scenario {
		/** One operation; returns true when it succeeded as expected. */
		boolean run(HttpClient shared) throws Exception;
	}

	static String base;
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		base = args[0];
		long serverPid = Long.parseLong(args[1]);
		int clients = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		String login = args[4], password = args[5], clientId = args[6], secret = args[7];
		String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));

		Scenario trivial = c -> get(c, "/actuator/health").statusCode() == 200;
		Scenario signIn = c -> {
			HttpClient own = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String html = own.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
			var m = CSRF.matcher(html);
			if (!m.find()) return false;
			String form = "username=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
			var res = own.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.discarding());
			String location = res.headers().firstValue("location").orElse("");
			return res.statusCode() == 302 && location.contains("/account");
		};
		Scenario token = c -> c.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
			.header("authorization", basic).header("content-type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=tasks")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode() == 200;

		System.out.printf("# %d clients, %d s per scenario, server pid %d%n", clients, seconds, serverPid);
		System.out.println("| scenario | requests/s | p50 ms | p99 ms | errors | server RSS MiB |");
		System.out.println("|---|---|---|---|---|---|");
		double base1 = measure("trivial GET /actuator/health", trivial, clients, seconds, serverPid);
		double s = measure("password sign-in (GET /login + POST /login)", signIn, clients, seconds, serverPid);
		double t = measure("token endpoint, client credentials", token, clients, seconds, serverPid);
		System.out.printf("%nratios to trivial: sign-in %.4f, token %.4f%n", s / base1, t / base1);
	}

	static HttpResponse<String> get(HttpClient c, String path) throws Exception {
		return c.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static double measure(String name, Scenario scenario, int clients, int seconds, long pid) throws Exception {
		HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < 20; i++) scenario.run(shared); // warm-up
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < clients; i++) {
				pool.submit(() -> {
					while (System.nanoTime() < end) {
						long t0 = System.nanoTime();
						boolean ok;
						try { ok = scenario.run(shared); } catch (Exception e) { ok = false; }
						latencies.add(System.nanoTime() - t0);
						if (!ok) errors.incrementAndGet();
					}
					return null;
				});
			}
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		double rps = sorted.size() / (double) seconds;
		System.out.printf("| %s | %.1f | %.1f | %.1f | %d | %d |%n", name, rps, pct(sorted, 50), pct(sorted, 99), errors.get(), rssMiB(pid));
		return rps;
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) return Double.NaN;
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	static long rssMiB(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		} catch (Exception ignored) { }
		return -1;
	}
}
