/**
 * A person's rights over their own data: {@link dev.rapport.core.privacy.PersonalData} gives them a copy of everything
 * Rapport stores about them ({@code /rapport my-data}).
 */
package dev.rapport.core.privacy;
