package tongban.identity.web;

/** A new mobile number for a registration waiting for its code. */
public record MobileForm(String mobile) {
}
