package tongban.openness.domain;

/** One question of a consultation, under its theme (the report counts comments per theme). */
public record ConsultationQuestion(long id, int position, String theme, String question) {
}
