package tongban.hotline.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

import tongban.hotline.NewTicket;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;
import tongban.shared.web.Uploads;

/** Turns the form into the module's command and the module's problems into field errors; shared by both intakes. */
final class TicketForms {

	private TicketForms() {
	}

	static NewTicket command(TicketForm form, List<MultipartFile> files, BindingResult errors) {
		return commandWith(form, uploads(files), errors);
	}

	static NewTicket commandWith(TicketForm f, List<Upload> uploads, BindingResult errors) {
		BigDecimal lat = decimal(f.lat()), lon = decimal(f.lon());
		if ((lat == null && !blank(f.lat())) || (lon == null && !blank(f.lon()))) {
			errors.rejectValue("lat", "hotline.error.coordinates");
		}
		return new NewTicket(f.type(), f.categoryCode(), f.urgency(), f.regionCode(), f.address(), lat, lon,
				f.description(), f.contactName(), f.phone(), f.phoneCode(), "true".equals(f.publishConsent()), uploads);
	}

	/** The files chosen on the form (empty file fields left out). */
	static List<Upload> uploads(List<MultipartFile> files) {
		return Uploads.of(files);
	}

	static void reject(List<FieldProblem> problems, BindingResult errors) {
		for (FieldProblem p : problems) {
			errors.rejectValue(p.field(), p.code(), p.argArray(), null);
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
			return d.scale() > 6 ? d.setScale(6, RoundingMode.HALF_UP) : d;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
