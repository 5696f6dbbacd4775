package tongban.hall.kiosk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import tongban.hall.kiosk.Kiosk;
import tongban.hall.kiosk.KioskPrinter;
import tongban.shared.TongbanProperties;

/** The demo printer: each job is a PDF file under {@code <data dir>/kiosk-prints/<kiosk id>/}. */
@Component
class DemoKioskPrinter implements KioskPrinter {

	private final Path folder;

	DemoKioskPrinter(TongbanProperties properties) {
		this.folder = properties.dataDir().resolve("kiosk-prints");
	}

	@Override
	public String print(Kiosk kiosk, String jobId, byte[] pdf) {
		try {
			Path dir = Files.createDirectories(folder.resolve(kiosk.id().toString()));
			Path file = dir.resolve(jobId + ".pdf");
			Files.write(file, pdf);
			return file.toAbsolutePath().toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
