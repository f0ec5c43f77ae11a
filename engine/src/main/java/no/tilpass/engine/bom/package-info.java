/**
 * Bill of materials and routing of one configuration: {@link no.tilpass.engine.bom.BillOfMaterials} evaluates
 * a product model's {@code bom} and {@code routing} sections for a full valid configuration into an
 * {@link no.tilpass.engine.bom.Explosion}: a multi-level exploded BOM (component BOMs nested under their
 * component's line), the profile-cutting demand, and the operations on work-centre types with their times
 * and precedences.
 */
package no.tilpass.engine.bom;
