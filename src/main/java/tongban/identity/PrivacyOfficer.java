package tongban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 个人信息保护负责人 (个人信息保护法 Art. 52) as the privacy notice names them (Art. 17 requires the notice to say how
 * to reach the handler), set under {@code tongban.privacy.officer}; {@code demo} marks the shipped example so that the
 * pages say it is one.
 *
 * @param name the officer's name or title (TONGBAN_PRIVACY_OFFICER_NAME)
 * @param phone the phone a person calls (TONGBAN_PRIVACY_OFFICER_PHONE)
 * @param email the address a person writes to (TONGBAN_PRIVACY_OFFICER_EMAIL)
 * @param demo true while the values are the shipped demo ones (TONGBAN_PRIVACY_OFFICER_DEMO)
 */
@ConfigurationProperties("tongban.privacy.officer")
public record PrivacyOfficer(String name, String phone, String email, boolean demo) {
}
