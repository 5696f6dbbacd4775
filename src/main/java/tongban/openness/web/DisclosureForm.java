package tongban.openness.web;

import tongban.openness.NewDisclosureRequest;

/** The fields of the application form at /disclosure/new, kept as typed when it comes back with errors. */
public record DisclosureForm(String departmentCode, String description, String form, String delivery, String purpose, String applicant) {

	static DisclosureForm empty() {
		return new DisclosureForm("", "", "DOWNLOAD", "", "", "");
	}

	NewDisclosureRequest command() {
		return new NewDisclosureRequest(departmentCode, description, form, delivery, purpose, applicant);
	}
}
