package tongban.shared.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tongban.shared.FileStore;
import tongban.shared.TongbanProperties;
import tongban.support.S3MockServer;

/**
 * Files stored and read back concurrently through the object store (S3Mock in this JVM, over HTTP) and, as the same-run
 * baseline, through the local folder (run by {@code bench/files.sh}, not by the test suite). Each operation is one
 * upload of {@code bench.kb} KB followed by reading it back whole (its SHA-256 checked).
 */
class FileStoreBench {

	@Test
	void putAndReadBack() throws Exception {
		int seconds = Integer.getInteger("bench.seconds", 15);
		int threads = Integer.getInteger("bench.threads", 8);
		byte[] content = new byte[Integer.getInteger("bench.kb", 256) * 1024];
		new Random(21).nextBytes(content);
		Path dir = Files.createTempDirectory("files-bench");
		try (S3MockServer server = S3MockServer.start("bench")) {
			ObjectStoreSettings settings = new ObjectStoreSettings("bench", server.endpoint(), "", true, S3MockServer.ACCESS_KEY,
					S3MockServer.SECRET_KEY, "", "", null, false);
			S3FileStore s3 = new S3FileStore(settings, S3FileStore.client(settings));
			LocalFileStore local = new LocalFileStore(new TongbanProperties(dir, false, null, null, null, 0, null));
			run("warm-up s3", s3, content, 3, threads);
			run("warm-up local", local, content, 3, threads);
			Result object = run("s3 (S3Mock)", s3, content, seconds, threads);
			Result folder = run("local folder", local, content, seconds, threads);
			System.out.printf("BENCH object store / local folder, same run: %.2f of the throughput%n", object.perSecond() / folder.perSecond());
			s3.destroy();
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	record Result(double perSecond) {
	}

	private static Result run(String name, FileStore store, byte[] content, int seconds, int threads) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<long[][]>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				List<long[]> times = new ArrayList<>();
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					FileStore.Stored stored = store.put(content, "application/pdf", "bench.pdf");
					long t1 = System.nanoTime();
					try (InputStream in = store.open(stored.id()).orElseThrow()) {
						in.transferTo(OutputStream.nullOutputStream());
					}
					times.add(new long[] { t1 - t0, System.nanoTime() - t1 });
				}
				return times.toArray(long[][]::new);
			}));
		}
		List<Long> puts = new ArrayList<>();
		List<Long> reads = new ArrayList<>();
		for (Future<long[][]> f : futures) {
			for (long[] pair : f.get()) {
				puts.add(pair[0]);
				reads.add(pair[1]);
			}
		}
		pool.shutdown();
		Collections.sort(puts);
		Collections.sort(reads);
		double perSecond = puts.size() / (double) seconds;
		if (!name.startsWith("warm-up")) {
			System.out.printf("BENCH %s: %d threads, %d KB files, %,d put+read in %d s = %.0f/s; put p50 %.1f ms p99 %.1f ms; read p50 %.1f ms p99 %.1f ms%n",
					name, threads, content.length / 1024, puts.size(), seconds, perSecond, ms(puts, 0.50), ms(puts, 0.99), ms(reads, 0.50), ms(reads, 0.99));
		}
		return new Result(perSecond);
	}

	private static double ms(List<Long> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
	}
}
