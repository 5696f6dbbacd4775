/** 办件: applications for published items — form, materials, drafts, submission, status and history. */
package tongban.casework;
