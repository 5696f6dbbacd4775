package tongban.proactive.rules;

/**
 * One condition of a rule over a register's record: the resource (a code of the exchange catalogue), one of its
 * fields, an operator and a value. Stored as data (JSON) with the rule that holds it.
 */
public record Condition(String resource, String field, Operator operator, String value) {
}
