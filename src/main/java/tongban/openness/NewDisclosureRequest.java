package tongban.openness;

/**
 * What an applicant asks for (Art. 29): the department that holds the information, a description of it, the form and
 * way of delivery, and the purpose (optional). {@code applicant} is the kind of organisation when a company applies
 * (ignored for a person acting for themself).
 */
public record NewDisclosureRequest(String departmentCode, String description, String form, String delivery, String purpose,
		String applicant) {
}
