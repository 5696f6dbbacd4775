package tongban.catalog;

/** 主题: a life event or business stage items are grouped by. */
public record Theme(String code, String name, String audience) {
}
