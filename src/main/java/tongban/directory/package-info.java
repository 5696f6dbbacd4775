/** Administrative regions (GB/T 2260), departments, service halls and their windows. */
package tongban.directory;
