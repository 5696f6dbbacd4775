/**
 * 隐私中心: a person's rights over their personal data under the 个人信息保护法 (Arts. 44–50): to know (the processing
 * rules and their consents), to decide and withdraw consent, to access and copy everything the platform holds about
 * them, to have it corrected, to close their account, and to have automated decisions explained; plus the contact of
 * the 个人信息保护负责人. It reads other modules only through their root APIs and listens to their events after commit.
 */
@ApplicationModule(displayName = "Privacy centre")
package tongban.privacy;

import org.springframework.modulith.ApplicationModule;
