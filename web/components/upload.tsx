/**
 * Uploads one file to TikTok through the app (/api/uploads/image or /file) and
 * reports what TikTok returned; the input stays usable with the keyboard and
 * shows progress and TikTok's refusal in place.
 */
import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call, messageAt } from "../lib/api";
import { useAction } from "../lib/use-action";
import { FieldError } from "./field";

export type UploadedImage = InferResponseType<typeof api.uploads.image.$post>;
export type UploadedFile = InferResponseType<typeof api.uploads.file.$post>;
type UseCase = InferRequestType<typeof api.uploads.image.$post>["form"]["useCase"];

type Props<T> = {
	id: string;
	label: string;
	kind: "image" | "file";
	useCase?: UseCase;
	onUploaded: (result: T, file: File) => void;
	required?: boolean;
};

export function UploadInput<T extends UploadedImage | UploadedFile>({ id, label, kind, useCase, onUploaded, required }: Props<T>) {
	const uploading = useAction(async (input: HTMLInputElement, file: File) => {
		const result = (
			kind === "image"
				? await call(api.uploads.image.$post({ form: { file, ...(useCase ? { useCase } : {}) } }))
				: await call(api.uploads.file.$post({ form: { file } }))
		) as T;
		onUploaded(result, file);
		input.value = "";
	});
	const onFile = (input: HTMLInputElement) => {
		const file = input.files?.[0];
		if (file) void uploading.run(input, file);
	};
	const { busy, error } = uploading;
	const message = error ? (messageAt(error.issues, "file") ?? error.message) : undefined;
	return (
		<div class="upload">
			<label for={id}>{label}</label>
			{/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: a native `required` would block the form once the file is uploaded (the input is then empty); required fields all carry aria-required */}
			<input
				id={id}
				type="file"
				accept={kind === "image" ? "image/png,image/jpeg,image/webp" : "application/pdf"}
				disabled={busy}
				aria-required={required ? "true" : undefined}
				aria-describedby={message ? `${id}-error` : undefined}
				onChange={(e) => onFile(e.currentTarget)}
			/>
			{busy && (
				<span role="status" class="muted">
					<span class="spinner" aria-hidden="true" /> Uploading to TikTok…
				</span>
			)}
			<FieldError id={id} message={message} />
		</div>
	);
}
