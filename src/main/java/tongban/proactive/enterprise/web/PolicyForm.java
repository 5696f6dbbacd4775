package tongban.proactive.enterprise.web;

import java.util.ArrayList;
import java.util.List;

import tongban.proactive.enterprise.EnterprisePolicy;
import tongban.proactive.enterprise.PolicyDraft;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;

/**
 * The policy form: its texts and dates, and up to {@link #ROWS} conditions as three lists (field, operator, value) of the
 * same length; a row whose field is empty is no condition.
 */
public class PolicyForm {

	static final int ROWS = 6;

	private String title = "";
	private String summary = "";
	private String benefit = "";
	private String validFrom = "";
	private String validUntil = "";
	private String itemCode = "";
	private String documentNumber = "";
	private String documentUrl = "";
	private List<String> field = new ArrayList<>();
	private List<String> operator = new ArrayList<>();
	private List<String> value = new ArrayList<>();

	static PolicyForm of(EnterprisePolicy policy) {
		PolicyForm form = new PolicyForm();
		form.title = policy.title();
		form.summary = policy.summary();
		form.benefit = policy.benefit();
		form.validFrom = policy.validFrom().toString();
		form.validUntil = policy.validUntil() == null ? "" : policy.validUntil().toString();
		form.itemCode = policy.itemCode() == null ? "" : policy.itemCode();
		form.documentNumber = policy.documentNumber();
		form.documentUrl = policy.documentUrl() == null ? "" : policy.documentUrl();
		for (Condition condition : policy.conditions()) {
			form.field.add(condition.field());
			form.operator.add(condition.operator().name());
			form.value.add(condition.value());
		}
		return form.padded();
	}

	/** The form with empty rows up to {@link #ROWS}, for the page. */
	PolicyForm padded() {
		while (field.size() < ROWS) {
			field.add("");
		}
		while (operator.size() < field.size()) {
			operator.add("");
		}
		while (value.size() < field.size()) {
			value.add("");
		}
		return this;
	}

	/** The draft: each row with a field becomes a condition on the business register (an unknown operator: none). */
	PolicyDraft draft() {
		List<Condition> conditions = new ArrayList<>();
		for (int row = 0; row < field.size() && row < ROWS * 2; row++) {
			String name = field.get(row) == null ? "" : field.get(row).strip();
			if (name.isEmpty()) {
				continue;
			}
			conditions.add(new Condition(EnterprisePolicy.REGISTER, name, operator(row < operator.size() ? operator.get(row) : null),
					row < value.size() ? value.get(row) : null));
		}
		return new PolicyDraft(title, summary, benefit, conditions, validFrom, validUntil, itemCode, documentNumber, documentUrl);
	}

	/** The form's row of the draft's {@code index}-th condition (rows without a field are skipped in the draft). */
	int rowOf(int index) {
		int seen = -1;
		for (int row = 0; row < field.size(); row++) {
			if (field.get(row) != null && !field.get(row).isBlank() && ++seen == index) {
				return row;
			}
		}
		return index;
	}

	private static Operator operator(String name) {
		for (Operator candidate : Operator.values()) {
			if (candidate.name().equals(name)) {
				return candidate;
			}
		}
		return null;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBenefit() {
		return benefit;
	}

	public void setBenefit(String benefit) {
		this.benefit = benefit;
	}

	public String getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(String validFrom) {
		this.validFrom = validFrom;
	}

	public String getValidUntil() {
		return validUntil;
	}

	public void setValidUntil(String validUntil) {
		this.validUntil = validUntil;
	}

	public String getItemCode() {
		return itemCode;
	}

	public void setItemCode(String itemCode) {
		this.itemCode = itemCode;
	}

	public String getDocumentNumber() {
		return documentNumber;
	}

	public void setDocumentNumber(String documentNumber) {
		this.documentNumber = documentNumber;
	}

	public String getDocumentUrl() {
		return documentUrl;
	}

	public void setDocumentUrl(String documentUrl) {
		this.documentUrl = documentUrl;
	}

	public List<String> getField() {
		return field;
	}

	public void setField(List<String> field) {
		this.field = field == null ? new ArrayList<>() : new ArrayList<>(field);
	}

	public List<String> getOperator() {
		return operator;
	}

	public void setOperator(List<String> operator) {
		this.operator = operator == null ? new ArrayList<>() : new ArrayList<>(operator);
	}

	public List<String> getValue() {
		return value;
	}

	public void setValue(List<String> value) {
		this.value = value == null ? new ArrayList<>() : new ArrayList<>(value);
	}
}
