// The bundled font for generated documents: DejaVu Sans covers Cyrillic and ships with the
// dejavu-fonts-ttf package, so rendering never depends on the system's fonts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function dejaVuDir(): string {
  return dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
}

/** pdfmake's font descriptor for the family `DejaVu`. */
export function dejaVuFonts(): Record<
  'DejaVu',
  { normal: string; bold: string; italics: string; bolditalics: string }
> {
  const dir = dejaVuDir();
  return {
    DejaVu: {
      normal: join(dir, 'DejaVuSans.ttf'),
      bold: join(dir, 'DejaVuSans-Bold.ttf'),
      italics: join(dir, 'DejaVuSans-Oblique.ttf'),
      bolditalics: join(dir, 'DejaVuSans-BoldOblique.ttf'),
    },
  };
}
