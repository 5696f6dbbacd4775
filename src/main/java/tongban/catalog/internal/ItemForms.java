package tongban.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.validation.Errors;

import tongban.catalog.ServiceGuide;
import tongban.catalog.web.ItemForm;

/** Turns the console's item form into a guide and back; a field that does not parse is a field error. */
public final class ItemForms {

	/** 工作日 (行政许可法 Art. 82) or calendar days where the law says 日. */
	public static final List<String> UNITS = List.of("WORKING_DAY", "NATURAL_DAY");

	private ItemForms() {
	}

	public static ItemForm form(ServiceGuide g, long lockVersion) {
		return new ItemForm(g.code(), g.baseCode(), g.mainItem(), g.subItem(), g.name(), lines(g.aliases()),
				lines(g.keywords()), g.type().name(), g.servedParty().stream().map(Enum::name).toList(), g.themes(),
				g.exerciseLevel(), g.legalBasis(), g.conditions(), lines(g.steps()), g.specialProcedures(),
				Integer.toString(g.statutoryLimit()), Integer.toString(g.promisedLimit()), g.limitUnit(), g.immediate(),
				g.handlingForms().stream().map(Enum::name).toList(), Integer.toString(g.requiredVisits()), g.visitReason(),
				Integer.toString(g.onlineDepth()), g.inHall(), g.appointment(), g.delivery(), g.onlinePayment(),
				g.selfService(), g.scope(), g.address(), g.hours(), g.consultPhone(), g.complaintPhone(),
				g.resultType().name(), g.resultName(),
				lines(g.fees().stream().map(f -> f.item() + " | " + f.standard() + " | " + f.basis()).toList()),
				lines(g.faq().stream().map(f -> f.q() + " | " + f.a()).toList()),
				lines(g.materials().stream().map(m -> String.join(" | ", m.name(), m.form(), m.necessity(),
						Integer.toString(m.copies()), m.source(), nz(m.sourceNote()), nz(m.licenceType()), nz(m.standard()))
						+ (blank(m.size()) && blank(m.legalBasis()) && blank(m.blankForm()) && blank(m.sample()) ? ""
								: " | " + String.join(" | ", nz(m.size()), nz(m.legalBasis()), nz(m.blankForm()), nz(m.sample()))))
					.toList()),
				g.process(), String.join("、", g.reviewDepartments()), lockVersion);
	}

	/** The guide, or empty with field errors when something does not parse. */
	public static Optional<ServiceGuide> guide(ItemForm f, String department, Errors errors) {
		if (blank(f.name())) {
			errors.rejectValue("name", "gate.name-required");
		}
		if (blank(f.code()) || !f.code().strip().matches("[A-Za-z0-9._-]{3,60}")) {
			errors.rejectValue("code", "item.error.code");
		}
		ServiceGuide.ItemType type = enumOf(ServiceGuide.ItemType.class, f.type(), "type", errors);
		ServiceGuide.ResultType resultType = enumOf(ServiceGuide.ResultType.class, f.resultType(), "resultType", errors);
		int statutory = number(f.statutoryLimit(), "statutoryLimit", 0, 3650, errors);
		int promised = number(f.promisedLimit(), "promisedLimit", 0, 3650, errors);
		int visits = number(f.requiredVisits(), "requiredVisits", 0, 10, errors);
		String unit = f.limitUnit() == null ? "WORKING_DAY" : f.limitUnit().strip();
		if (!UNITS.contains(unit)) {
			errors.rejectValue("limitUnit", "item.error.choice");
		}
		int depth = number(f.onlineDepth(), "onlineDepth", 1, 4, errors);
		List<ServiceGuide.Fee> fees = new ArrayList<>();
		for (String[] c : rows(f.fees(), 3, "fees", errors)) {
			fees.add(new ServiceGuide.Fee(c[0], c[1], c[2]));
		}
		List<ServiceGuide.Faq> faq = new ArrayList<>();
		for (String[] c : rows(f.faq(), 2, "faq", errors)) {
			faq.add(new ServiceGuide.Faq(c[0], c[1]));
		}
		List<ServiceGuide.Material> materials = new ArrayList<>();
		for (String[] c : rows(f.materials(), 8, 12, "materials", errors)) {
			int copies;
			try {
				copies = Integer.parseInt(c[3]);
			}
			catch (NumberFormatException e) {
				errors.rejectValue("materials", "item.error.materials");
				continue;
			}
			if (!List.of("PAPER", "ELECTRONIC", "BOTH").contains(c[1]) || !List.of("REQUIRED", "OPTIONAL", "DEFERRABLE").contains(c[2])
					|| !List.of("APPLICANT", "GOVERNMENT", "OTHER").contains(c[4])) {
				errors.rejectValue("materials", "item.error.materials");
				continue;
			}
			String size = c.length > 8 ? c[8] : "";
			String basis = c.length > 9 ? c[9] : "";
			String blankForm = c.length > 10 && !c[10].isEmpty() ? c[10] : null;
			String sample = c.length > 11 && !c[11].isEmpty() ? c[11] : null;
			if (!link(blankForm) || !link(sample)) {
				errors.rejectValue("materials", "item.error.materials.link");
				continue;
			}
			materials.add(new ServiceGuide.Material(c[0], c[1], c[2], copies, size, c[4], c[5], c[6].isEmpty() ? null : c[6], c[7], basis,
					blankForm, sample));
		}
		List<ServiceGuide.ServedParty> parties = new ArrayList<>();
		for (String p : f.servedParty() == null ? List.<String>of() : f.servedParty()) {
			Optional.ofNullable(enumOf(ServiceGuide.ServedParty.class, p, "servedParty", errors)).ifPresent(parties::add);
		}
		List<ServiceGuide.HandlingForm> forms = new ArrayList<>();
		for (String p : f.handlingForms() == null ? List.<String>of() : f.handlingForms()) {
			Optional.ofNullable(enumOf(ServiceGuide.HandlingForm.class, p, "handlingForms", errors)).ifPresent(forms::add);
		}
		if (f.process() != null && !f.process().isBlank() && !ServiceGuide.knownProcess(f.process().strip())) {
			errors.rejectValue("process", "item.error.choice");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new ServiceGuide(f.code().strip(), nz(f.baseCode()), nz(f.mainItem()), nz(f.subItem()),
				f.name().strip(), list(f.aliases()), list(f.keywords()), type, department, parties,
				f.themes() == null ? List.of() : f.themes(), nz(f.exerciseLevel()), nz(f.legalBasis()), nz(f.conditions()),
				list(f.steps()), nz(f.specialProcedures()), statutory, promised, unit, ItemForm.on(f.immediate()), forms,
				visits, blank(f.visitReason()) ? null : f.visitReason().strip(), depth, ItemForm.on(f.inHall()),
				ItemForm.on(f.appointment()), ItemForm.on(f.delivery()), ItemForm.on(f.onlinePayment()), ItemForm.on(f.selfService()), nz(f.scope()), nz(f.address()), nz(f.hours()), nz(f.consultPhone()),
				nz(f.complaintPhone()), resultType, nz(f.resultName()), fees, faq, materials, null, nz(f.process()),
				f.reviewDepartments() == null ? List.of() : Arrays.stream(f.reviewDepartments().split("[,，、\\s]+")).map(String::strip)
					.filter(x -> !x.isEmpty()).distinct().toList()));
	}

	/** A file link: absent, https/http, or a path on this site. */
	private static boolean link(String s) {
		return s == null || s.matches("(https?://|/)[^\\s<>\"]{1,500}");
	}

	private static List<String[]> rows(String text, int columns, String field, Errors errors) {
		return rows(text, columns, columns, field, errors);
	}

	private static List<String[]> rows(String text, int columns, int maxColumns, String field, Errors errors) {
		List<String[]> out = new ArrayList<>();
		for (String line : list(text)) {
			String[] c = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
			if (c.length < columns || c.length > maxColumns || c[0].isEmpty()) {
				errors.rejectValue(field, "item.error." + field);
				return List.of();
			}
			out.add(c);
		}
		return out;
	}

	private static int number(String s, String field, int min, int max, Errors errors) {
		try {
			int n = Integer.parseInt(s == null ? "" : s.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		errors.rejectValue(field, "item.error.number", new Object[] { min, max }, null);
		return 0;
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Errors errors) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			errors.rejectValue(field, "item.error.choice");
			return null;
		}
	}

	static List<String> list(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static String lines(List<String> list) {
		return String.join("\n", list);
	}

	private static String nz(String s) {
		return s == null ? "" : s.strip();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
