import { createRequire } from 'node:module';
import { registerPdfFonts } from './pdf-fonts';

const require = createRequire(import.meta.url);
const face = (name: string) => require.resolve(`@expo-google-fonts/noto-sans/${name}/NotoSans_${name}.ttf`);

registerPdfFonts({ regular: face('400Regular'), bold: face('700Bold'), italic: face('400Regular_Italic'), boldItalic: face('700Bold_Italic') });
