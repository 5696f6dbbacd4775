package tongban.hotline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

import tongban.hotline.HotlineManagement;

/** Turns the form into the module's command and the module's problems into field errors; shared by both intakes. */
final class TicketForms {

	private TicketForms() {
	}

	static HotlineManagement.NewTicket command(TicketForm f, List<MultipartFile> files, BindingResult errors) {
		return commandWith(f, uploads(files), errors);
	}

	static HotlineManagement.NewTicket commandWith(TicketForm f, List<HotlineManagement.Upload> uploads, BindingResult errors) {
		BigDecimal lat = decimal(f.lat()), lon = decimal(f.lon());
		if ((lat == null && !blank(f.lat())) || (lon == null && !blank(f.lon()))) {
			errors.rejectValue("lat", "hotline.error.coordinates");
		}
		return new HotlineManagement.NewTicket(f.type(), f.categoryCode(), f.urgency(), f.regionCode(), f.address(), lat, lon,
				f.description(), f.contactName(), f.phone(), f.phoneCode(), "true".equals(f.publishConsent()), uploads);
	}

	/** The files chosen on the form (empty file fields left out). */
	static List<HotlineManagement.Upload> uploads(List<MultipartFile> files) {
		List<HotlineManagement.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile m : files) {
				if (m != null && !m.isEmpty()) {
					try {
						uploads.add(new HotlineManagement.Upload(m.getOriginalFilename(), m.getBytes()));
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			}
		}
		return uploads;
	}

	static void reject(List<HotlineManagement.Problem> problems, BindingResult errors) {
		for (HotlineManagement.Problem p : problems) {
			errors.rejectValue(p.field(), p.code(), p.args(), null);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static BigDecimal decimal(String s) {
		if (blank(s)) {
			return null;
		}
		try {
			BigDecimal d = new BigDecimal(s.strip());
			return d.scale() > 6 ? d.setScale(6, java.math.RoundingMode.HALF_UP) : d;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
