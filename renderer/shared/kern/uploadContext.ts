/** A file reference as the server's upload answer gives it and the form data carries it. */
export interface UploadedFile {
  token?: string;
  id?: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** What the form needs to upload files: the portal provides it (rjsf formContext); without it files cannot be chosen. */
export interface UploadContext {
  /** Uploads one file for the field at `pointer`, reporting progress (0..1); rejects with a German message. */
  uploadFile?: (pointer: string, file: File, onProgress: (fraction: number) => void) => Promise<UploadedFile>;
  /** Upload problems per field pointer; the form reports them in its error summary on submit. */
  uploadErrors?: Map<string, string>;
}
