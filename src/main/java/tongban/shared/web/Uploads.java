package tongban.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import tongban.shared.Upload;

/** The files chosen in a form's file fields, as {@link Upload}s (empty file fields left out). */
public final class Uploads {

	private Uploads() {
	}

	public static List<Upload> of(List<MultipartFile> files) {
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile m : files) {
				if (m != null && !m.isEmpty()) {
					try {
						uploads.add(new Upload(m.getOriginalFilename(), m.getBytes()));
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			}
		}
		return uploads;
	}
}
