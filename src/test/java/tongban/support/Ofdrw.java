package tongban.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * ofdrw's OFD seal validator as an independent program (src/test/ofdrw/OfdVerify.java on the jars Maven copies to
 * target/ofdrw-verifier, with the BouncyCastle ofdrw was built for), run on the running JVM's java.
 */
public final class Ofdrw {

	private Ofdrw() {
	}

	/** "VALID", or "INVALID" and the validator's reason. */
	public static String verify(byte[] ofd) {
		try {
			Path file = Files.createTempFile("tongban", ".ofd");
			Files.write(file, ofd);
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process p = new ProcessBuilder(java, "-cp", Path.of("target", "ofdrw-verifier").toAbsolutePath() + "/*",
					Path.of("src", "test", "ofdrw", "OfdVerify.java").toString(), file.toString()).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				throw new AssertionError("ofdrw verifier timed out");
			}
			Files.delete(file);
			return out.lines().filter(l -> l.startsWith("VALID") || l.startsWith("INVALID")).findFirst().orElse("no answer: " + out);
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
