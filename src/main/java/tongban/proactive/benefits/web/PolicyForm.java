package tongban.proactive.benefits.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tongban.proactive.benefits.BenefitPolicy;
import tongban.proactive.benefits.PolicyDraft;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Operator;

/**
 * The policy form as typed: up to {@link #ROWS} condition rows (resource, field, operator, value); empty rows are
 * dropped. Kept as typed (clipped) so a refused form shows what was written.
 */
public record PolicyForm(String code, String name, String subjectKind, String resourceCode, List<String> conditionResource,
		List<String> conditionField, List<String> conditionOperator, List<String> conditionValue, String amountKind, String amountField, String amount,
		String bands, String mode, String period, String payeeField, String payeeNameField, String legalBasis, String policyUrl) {

	/** Condition rows on the form. */
	public static final int ROWS = 4;

	/** One row of the form, as typed. */
	public record Row(String resource, String field, String operator, String value) {
	}

	public static PolicyForm empty() {
		return new PolicyForm("", "", "PERSON", "", List.of(), List.of(), List.of(), List.of(), "FIXED", "", "", "", "CONFIRM", "MONTHLY", "", "", "", "");
	}

	public static PolicyForm of(BenefitPolicy policy) {
		List<Condition> rules = policy.conditions();
		var amount = policy.amountRule();
		StringBuilder bands = new StringBuilder();
		amount.bands().forEach(b -> bands.append(bands.isEmpty() ? "" : "；").append(b.fromAge()).append(':').append(b.amount().toPlainString()));
		return new PolicyForm(policy.code(), policy.name(), policy.subjectKind(), policy.resourceCode(), rules.stream().map(Condition::resource).toList(),
				rules.stream().map(Condition::field).toList(), rules.stream().map(c -> c.operator().name()).toList(),
				rules.stream().map(Condition::value).toList(), amount.kind(), amount.field() == null ? "" : amount.field(),
				amount.amount() == null ? "" : amount.amount().toPlainString(), bands.toString(), policy.mode().name(), policy.period().name(),
				policy.payeeField(), policy.payeeNameField(), policy.legalBasis(), policy.policyUrl());
	}

	/** The rows to show: those typed, then empty ones up to {@link #ROWS}. */
	public List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (int index = 0; index < ROWS; index++) {
			rows.add(new Row(at(conditionResource, index), at(conditionField, index), at(conditionOperator, index), at(conditionValue, index)));
		}
		return rows;
	}

	public List<String> operators() {
		return List.of(Operator.values()).stream().map(Operator::name).toList();
	}

	/** The draft to check: rows where anything was typed become conditions (an unknown operator stays null, to be refused). */
	public PolicyDraft draft(UUID id) {
		List<Condition> rules = new ArrayList<>();
		for (Row row : rows()) {
			if (!(row.resource().isBlank() && row.field().isBlank() && row.value().isBlank())) {
				rules.add(new Condition(row.resource().strip(), row.field().strip(), operator(row.operator()), row.value().strip()));
			}
		}
		return new PolicyDraft(id, code, name, subjectKind, resourceCode, rules, amountKind, amountField, amount, bands, mode, period, payeeField,
				payeeNameField, legalBasis, policyUrl);
	}

	private static Operator operator(String name) {
		for (Operator operator : Operator.values()) {
			if (operator.name().equals(name)) {
				return operator;
			}
		}
		return null;
	}

	private static String at(List<String> values, int index) {
		if (values == null || index >= values.size() || values.get(index) == null) {
			return "";
		}
		String value = values.get(index);
		return value.length() > 200 ? value.substring(0, 200) : value;
	}
}
