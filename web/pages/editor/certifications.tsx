/**
 * The certifications the category asks for: images or PDFs uploaded to TikTok,
 * and an expiry date where TikTok wants one. Like attributes, a certification
 * can become required through a chosen attribute value.
 */
import { certificationRequirement, type ChosenValueIds } from "../../../worker/listing/requirements";
import { Field, FieldError, Required } from "../../components/field";
import { UploadInput, type UploadedFile, type UploadedImage } from "../../components/upload";
import { messageAt } from "../../lib/api";
import type { Certification, FieldIssue } from "../../lib/types";
import type { CategoryCertification } from "../../../worker/tiktok/category-spec";

type Props = {
	certifications: CategoryCertification[];
	chosen: ChosenValueIds;
	value: Certification[];
	onChange: (value: Certification[]) => void;
	issues?: FieldIssue[];
};

const empty = (id: string): Certification => ({ id, images: [], files: [], expiresAt: null });
const toDate = (seconds: number | null) => (seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : "");

export function CertificationsForm({ certifications, chosen, value, onChange, issues }: Props) {
	if (!certifications.length) return null;
	const update = (id: string, patch: (c: Certification) => Certification) => {
		const current = value.find((c) => c.id === id) ?? empty(id);
		const next = patch(current);
		const rest = value.filter((c) => c.id !== id);
		onChange(next.images.length || next.files.length || next.expiresAt ? [...rest, next] : rest);
	};
	return (
		<div class="certifications">
			<h3>Certifications</h3>
			{certifications.map((cert) => {
				const requirement = certificationRequirement(cert, chosen);
				const current = value.find((c) => c.id === cert.id) ?? empty(cert.id);
				const index = value.findIndex((c) => c.id === cert.id);
				const error =
					messageAt(issues, `certifications.${cert.id}`) ?? (index >= 0 ? messageAt(issues, `certifications.${index}`) : undefined);
				const id = `cert-${cert.id}`;
				return (
					<fieldset key={cert.id} class="certification">
						<legend>
							{cert.name}
							{requirement.required && <Required />}
						</legend>
						{requirement.mustBeEmpty ? (
							<p class="hint">Not needed with the values chosen above.</p>
						) : (
							<>
								{typeof cert.document_details === "string" && <p class="hint">{cert.document_details}</p>}
								{(current.images.length > 0 || current.files.length > 0) && (
									<ul class="chips" aria-label={`Uploaded for ${cert.name}`}>
										{current.images.map((img) => (
											<li key={img.uri}>
												Image {img.uri}{" "}
												<button
													type="button"
													class="chip-remove"
													aria-label={`Remove image ${img.uri}`}
													onClick={() => update(cert.id, (c) => ({ ...c, images: c.images.filter((i) => i.uri !== img.uri) }))}
												>
													×
												</button>
											</li>
										))}
										{current.files.map((file) => (
											<li key={file.id}>
												{file.name}{" "}
												<button
													type="button"
													class="chip-remove"
													aria-label={`Remove ${file.name}`}
													onClick={() => update(cert.id, (c) => ({ ...c, files: c.files.filter((f) => f.id !== file.id) }))}
												>
													×
												</button>
											</li>
										))}
									</ul>
								)}
								<div class="grid-2">
									<UploadInput<UploadedImage>
										id={`${id}-image`}
										label="Add an image"
										kind="image"
										useCase="CERTIFICATION_IMAGE"
										onUploaded={(r) => update(cert.id, (c) => ({ ...c, images: [...c.images, { uri: r.uri }] }))}
									/>
									<UploadInput<UploadedFile>
										id={`${id}-file`}
										label="Add a PDF"
										kind="file"
										onUploaded={(r) => update(cert.id, (c) => ({ ...c, files: [...c.files, { id: r.id, name: r.name, format: "PDF" }] }))}
									/>
								</div>
								{cert.expiration_date?.is_required && (
									<Field id={`${id}-expiry`} label="Expiry date" required>
										{(wiring) => (
											<input
												{...wiring}
												type="date"
												value={toDate(current.expiresAt)}
												onInput={(e) => {
													const ms = Date.parse(`${e.currentTarget.value}T00:00:00Z`);
													update(cert.id, (c) => ({ ...c, expiresAt: Number.isNaN(ms) ? null : Math.floor(ms / 1000) }));
												}}
											/>
										)}
									</Field>
								)}
							</>
						)}
						<FieldError id={id} message={error} />
					</fieldset>
				);
			})}
		</div>
	);
}
