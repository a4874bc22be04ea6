"""Documents made from the workspace: remittance advice (PDF, XLSX, text), request texts."""
