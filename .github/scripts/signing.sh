#!/usr/bin/env bash
# Passes the signing keys that were given (as secrets) on to the Tauri CLI, and nothing else:
# an empty variable would make the CLI try to sign with nothing. Called by
# .github/workflows/release.yml with every secret in the environment, given or not.
#   macOS:   APPLE_* become environment variables the CLI reads (it imports the certificate into
#            a temporary keychain, signs, and notarises when APPLE_ID/PASSWORD/TEAM_ID are set);
#            without a certificate the app is signed ad hoc ("-"), as Apple silicon requires.
#   Windows: the .pfx is imported into the user's certificate store and its thumbprint handed
#            to the CLI as a config override (bundle.windows.certificateThumbprint).
set -euo pipefail

export_env() { # NAME VALUE: for the following steps of the job
  local delimiter="EOF_$RANDOM$RANDOM"
  printf '%s<<%s\n%s\n%s\n' "$1" "$delimiter" "$2" "$delimiter" >>"$GITHUB_ENV"
}

case "${RUNNER_OS:-}" in
  macOS)
    for name in APPLE_CERTIFICATE APPLE_CERTIFICATE_PASSWORD APPLE_SIGNING_IDENTITY APPLE_ID APPLE_PASSWORD APPLE_TEAM_ID; do
      if [ -n "${!name:-}" ]; then export_env "$name" "${!name}"; fi
    done
    if [ -z "${APPLE_SIGNING_IDENTITY:-}" ]; then
      echo "No APPLE_SIGNING_IDENTITY: the app is signed ad hoc (it runs, but Gatekeeper warns)."
      export_env APPLE_SIGNING_IDENTITY "-"
    fi
    ;;
  Windows)
    if [ -z "${WINDOWS_CERTIFICATE:-}" ]; then
      echo "No WINDOWS_CERTIFICATE: the installers are unsigned (SmartScreen warns)."
      exit 0
    fi
    pfx=$(cygpath -w "$RUNNER_TEMP/signing.pfx")
    printf '%s' "$WINDOWS_CERTIFICATE" | base64 --decode >"$RUNNER_TEMP/signing.pfx"
    # shellcheck disable=SC2016 # PowerShell expands $p and $env:… itself
    thumbprint=$(PFX="$pfx" powershell.exe -NoProfile -NonInteractive -Command \
      '$p = ConvertTo-SecureString -String $env:WINDOWS_CERTIFICATE_PASSWORD -AsPlainText -Force;
       (Import-PfxCertificate -FilePath $env:PFX -CertStoreLocation Cert:\CurrentUser\My -Password $p).Thumbprint' |
      tr -d '\r')
    rm -f "$RUNNER_TEMP/signing.pfx"
    [ -n "$thumbprint" ] || { echo "the Windows certificate could not be imported" >&2; exit 1; }
    config="$RUNNER_TEMP/windows-signing.json"
    printf '{"bundle":{"windows":{"certificateThumbprint":"%s","digestAlgorithm":"sha256","timestampUrl":"http://timestamp.digicert.com"}}}\n' \
      "$thumbprint" >"$config"
    export_env TAURI_SIGN_ARGS "--config $(cygpath -w "$config")"
    ;;
  *)
    echo "signing.sh runs on the macOS and Windows release runners only" >&2
    exit 1
    ;;
esac
