/** The portal's shell: home page and department pages (the catalogue fills it in a later issue). */
package tongban.portal;
