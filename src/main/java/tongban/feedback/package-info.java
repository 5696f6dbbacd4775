/**
 * 好差评: ratings of concluded cases (一事一评, online, by the applicant or the company's agent) and of counter visits
 * (一次一评, by QR code without signing in), default good ratings for cases left unrated, rectification of bad ratings
 * (verify, rectify or explain, revisit, one re-rating) within working-day deadlines, appeals decided by the region's
 * supervisors, and the public monthly statistics (国办发〔2019〕51号, GB/T 39734-2020, GB/T 39735-2020).
 */
@ApplicationModule(displayName = "Feedback")
package tongban.feedback;

import org.springframework.modulith.ApplicationModule;
