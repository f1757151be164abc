/**
 * The default e-mail layout: a single centred column with inline styles (mail clients drop `<style>`).
 * Variables: `subject`, `preheader` (hidden preview line), `content` (the rendered body, already escaped),
 * `unsubscribeUrl` (marketing mail only), `footer`.
 */
export const defaultLayout = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">{{preheader}}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px">
<tr><td style="padding:32px 32px 24px;font-size:15px;line-height:1.6">
{{content}}
</td></tr>
<tr><td style="padding:16px 32px 32px;font-size:12px;line-height:1.5;color:#71717a;border-top:1px solid #e4e4e7">
{{#if footer}}<p style="margin:0 0 8px">{{footer}}</p>{{/if}}
{{#if unsubscribeUrl}}<p style="margin:0">Vous recevez cet e-mail car vous êtes client·e. {{link unsubscribeUrl "Se désabonner"}}</p>{{/if}}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
